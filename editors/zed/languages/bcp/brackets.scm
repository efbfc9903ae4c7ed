(block_body
  "{" @open
  "}" @close)

(list
  "[" @open
  "]" @close)

(string
  "\"" @open
  "\"" @close)
