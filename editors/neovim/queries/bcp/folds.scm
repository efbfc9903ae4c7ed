; Folds: a block folds from its header to its closing brace; lists and
; multi-line strings fold when they span lines (editors skip one-line ranges).
; Capture names follow nvim-treesitter (@fold).

(block) @fold

(list) @fold

(multiline_string) @fold
