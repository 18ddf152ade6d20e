"""Audio shared by both directions: the sample format, WAV files, sound devices."""
