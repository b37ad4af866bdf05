"""Input readers, the output record and output writers for batch runs.

Readers turn input files into a stream of small immutable `InputDocument`s; `record` defines
the output record every engine writes; writers turn records into bytes on disk. None of them
knows how documents are cleaned or in which process: engines depend on io, never the reverse.
"""
