"""Offline, hands-free assistant for iCloud Photos not syncing on an iPhone."""
