"""Speaking: speech synthesis, playback, earcons, the voice Speaker."""
