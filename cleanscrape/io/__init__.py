"""Input readers and output writers for batch runs.

Readers turn input files into a stream of small immutable `InputDocument`s; writers turn
output records into bytes on disk. Neither knows how documents are cleaned or in which process.
"""
