"""Small painted widgets the pages share."""
