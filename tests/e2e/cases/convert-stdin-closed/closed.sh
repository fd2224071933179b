# convert reading a closed standard input: a read error (74), never the
# temporary file that would otherwise take descriptor 0 read as input.
exec "$1" convert --to USD - <&-
