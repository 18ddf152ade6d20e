"""The speech model store: finding, installing and verifying downloaded models."""
