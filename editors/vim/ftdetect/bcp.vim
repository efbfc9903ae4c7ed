autocmd BufRead,BufNewFile *.bcp setfiletype bcp
