; Indentation (nvim-treesitter capture names): the contents of a block body and
; of a list are indented one level; the closing bracket returns to the level of
; the line that opened it.  Inside a multi-line string the author's own
; indentation is kept: the compiler strips the common prefix anyway.

[
  (block_body)
  (list)
] @indent.begin

[
  "}"
  "]"
] @indent.branch @indent.end

(multiline_string) @indent.auto

(comment) @indent.auto
