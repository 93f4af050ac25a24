"""Text utilities shared by the stages and the analyses: script, offsets, numbers, sentences, periods, places, segmentation."""
