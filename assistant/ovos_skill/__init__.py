"""The assistant as a skill inside OpenVoiceOS (the `ovos` extra); see skill.py."""
