"""The hall display (``govterm display``): the call screen and voice calling."""
