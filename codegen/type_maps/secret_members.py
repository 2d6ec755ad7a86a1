"""Members whose values are secrets although the model does not mark them sensitive.

Their attributes get ``repr=False`` so they never show in a repr, str or log line.
"""

SECRET_MEMBERS = frozenset({"AuthToken", "Passwords"})
