"""Text utilities shared by the stages and the analyses: script, offsets, numbers, periods, places, segmentation."""
