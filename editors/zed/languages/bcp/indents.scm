(block_body
  "}" @end) @indent

(list
  "]" @end) @indent
