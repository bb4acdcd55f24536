"""How tier formats (ELAN, Praat TextGrid) name the tiers that are not a speaker's.

Their writers put one speaker on each tier; speech nobody is named for, and stage
directions, go on tiers with these names (and no participant), which their readers
read back as what they are.
"""

from __future__ import annotations

UNATTRIBUTED = "unattributed"
DIRECTIONS = "stage directions"
NOT_SPEAKERS = frozenset({UNATTRIBUTED, DIRECTIONS})
