;;; bcp-mode.el --- Major mode for bcp business continuity plans  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1"))
;; Keywords: languages
;; URL: see editors/emacs/README.md in the bcp repository

;;; Commentary:

;; Editing support for .bcp files, the plan language of bcp ("business
;; continuity plans as code"): highlighting, comments, indentation.
;;
;; On Emacs 29 and later, when Emacs is built with tree-sitter and the bcp
;; grammar is installed (M-x bcp-mode-install-grammar), highlighting comes
;; from the tree-sitter grammar of the compiler itself.  Otherwise, as on the
;; Emacs 28 of Debian bookworm, regular expressions highlight the same
;; elements.  Indentation follows the nesting of { } and [ ] in both cases.

;;; Code:

(require 'rx)

(defgroup bcp nil
  "Editing bcp business continuity plans."
  :group 'languages
  :prefix "bcp-")

(defcustom bcp-indent-offset 2
  "Spaces per nesting level of blocks and lists."
  :type 'integer
  :safe #'integerp)

(defcustom bcp-use-tree-sitter t
  "Highlight with the tree-sitter grammar when Emacs and the grammar allow.
When nil, or when tree-sitter is unavailable, regular expressions are used."
  :type 'boolean)

(defcustom bcp-grammar-repository
  ;; This file is <repository>/editors/emacs/bcp-mode.el in a clone.
  (let ((here (or load-file-name buffer-file-name)))
    (and here (expand-file-name "../.." (file-name-directory here))))
  "Git URL or local clone of the bcp repository, for the grammar.
`bcp-mode-install-grammar' builds the parser from its grammar/src."
  :type '(choice (const :tag "Unknown" nil) string))

;;;; Syntax

(defvar bcp-mode-syntax-table
  (let ((table (make-syntax-table)))
    (modify-syntax-entry ?# "<" table)
    (modify-syntax-entry ?\n ">" table)
    (modify-syntax-entry ?\" "\"" table)
    (modify-syntax-entry ?\\ "\\" table)
    (modify-syntax-entry ?_ "_" table)
    (modify-syntax-entry ?- "_" table)
    (modify-syntax-entry ?. "." table)
    (modify-syntax-entry ?= "." table)
    (modify-syntax-entry ?, "." table)
    (modify-syntax-entry ?{ "(}" table)
    (modify-syntax-entry ?} "){" table)
    (modify-syntax-entry ?\[ "(]" table)
    (modify-syntax-entry ?\] ")[" table)
    table)
  "Syntax table of `bcp-mode': # comments, strings, brackets.")

(defun bcp--propertize-triple-quote ()
  "Make the \"\"\" just matched open or close a multi-line string.
The first quote of an opening and the last of a closing triple quote
become string fences, so quotes inside the string do not end it."
  (let* ((start (match-beginning 0))
         (ppss (save-excursion (syntax-ppss start))))
    (cond
     ;; Inside a fenced string: this closes it.
     ((eq (nth 3 ppss) t)
      (put-text-property (1- (match-end 0)) (match-end 0)
                         'syntax-table (string-to-syntax "|")))
     ;; Outside strings and comments: this opens one.
     ((not (or (nth 3 ppss) (nth 4 ppss)))
      (put-text-property start (1+ start)
                         'syntax-table (string-to-syntax "|"))))))

(defconst bcp--syntax-propertize
  (syntax-propertize-rules
   ("\"\"\"" (0 (ignore (bcp--propertize-triple-quote)))))
  "Marks the triple quotes of multi-line strings.")

;;;; Regexp highlighting (any Emacs)

(defvar bcp-escape-face
  ;; `font-lock-escape-face' is new in Emacs 29.
  (if (facep 'font-lock-escape-face)
      'font-lock-escape-face
    'font-lock-regexp-grouping-backslash)
  "Face of escape sequences in strings.")

(defconst bcp--identifier
  (rx (any alpha ?_) (* (any alpha digit ?_ ?-)))
  "An identifier: letters of any script, digits, _ and -.")

(defconst bcp--word-start "\\(?:^\\|[^[:alnum:]_.-]\\)"
  "What may precede a word: not part of another identifier.")

(defconst bcp--word-end "\\(?:[^[:alnum:]_-]\\|$\\)"
  "What may follow a word.")

(defvar bcp-font-lock-keywords
  (let ((id bcp--identifier))
    `(;; use "std/x"
      (,(concat "^\\s-*\\(use\\)\\_>") 1 font-lock-keyword-face)
      ;; kind [id] {
      (,(concat "\\(?:^\\|{\\)\\s-*\\(" id "\\)\\(?:\\s-+\\(" id "\\)\\)?\\s-*{")
       (1 font-lock-keyword-face)
       (2 font-lock-function-name-face nil t))
      ;; key =
      (,(concat "\\(?:^\\|{\\)\\s-*\\(" id "\\)\\s-*=") 1 font-lock-variable-name-face)
      ;; kind.id
      (,(concat bcp--word-start "\\(" id "\\)\\.\\(" id "\\)")
       (1 font-lock-type-face)
       (2 font-lock-constant-face))
      ;; 2026-09-01
      (,(concat bcp--word-start "\\([0-9]\\{4\\}-[0-9]\\{1,2\\}-[0-9]\\{1,2\\}\\)" bcp--word-end)
       1 font-lock-constant-face)
      ;; 24h, 6mo, 1y
      (,(concat bcp--word-start "\\([0-9]+[[:alpha:]]+\\)" bcp--word-end) 1 font-lock-constant-face)
      ;; 42, -1
      (,(concat bcp--word-start "\\(-?[0-9]+\\)" bcp--word-end) 1 font-lock-constant-face)
      ;; true, false
      (,(concat bcp--word-start "\\(true\\|false\\)" bcp--word-end) 1 font-lock-builtin-face)
      ;; Escapes inside strings.
      ("\\\\\\(?:[\"\\\\/nrt]\\|u{[[:xdigit:]]\\{1,6\\}}\\)" 0 bcp-escape-face prepend)))
  "Regexp highlighting of `bcp-mode'.")

;;;; Tree-sitter highlighting (Emacs 29+)

(declare-function treesit-available-p "treesit.c")
(declare-function treesit-ready-p "treesit")
(declare-function treesit-parser-create "treesit.c")
(declare-function treesit-font-lock-rules "treesit")
(declare-function treesit-major-mode-setup "treesit")
(declare-function treesit-install-language-grammar "treesit")
(defvar treesit-font-lock-settings)
(defvar treesit-font-lock-feature-list)
(defvar treesit-language-source-alist)

(defun bcp--treesit-font-lock-settings ()
  "Tree-sitter highlighting rules, built when tree-sitter is there."
  (treesit-font-lock-rules
   :language 'bcp :feature 'comment
   '((comment) @font-lock-comment-face)
   :language 'bcp :feature 'string
   '([(string) (multiline_string)] @font-lock-string-face)
   :language 'bcp :feature 'escape :override t
   '((escape_sequence) @font-lock-escape-face)
   :language 'bcp :feature 'keyword
   '("use" @font-lock-keyword-face
     (block kind: (identifier) @font-lock-keyword-face)
     (block name: (identifier) @font-lock-function-name-face))
   :language 'bcp :feature 'property
   '((attribute key: (identifier) @font-lock-variable-name-face))
   :language 'bcp :feature 'reference
   '((reference kind: (identifier) @font-lock-type-face
                name: (identifier) @font-lock-constant-face))
   :language 'bcp :feature 'constant
   '([(date) (duration) (integer)] @font-lock-constant-face
     (boolean) @font-lock-builtin-face)))

(defun bcp--tree-sitter-usable-p ()
  "Non-nil when tree-sitter can parse bcp in this Emacs."
  (and bcp-use-tree-sitter
       (fboundp 'treesit-available-p)
       (treesit-available-p)
       (treesit-ready-p 'bcp t)))

;;;###autoload
(defun bcp-mode-install-grammar ()
  "Build and install the bcp tree-sitter grammar (Emacs 29+ with tree-sitter).
The source is `bcp-grammar-repository'; a C compiler is needed."
  (interactive)
  (unless (and (fboundp 'treesit-available-p) (treesit-available-p))
    (user-error "This Emacs has no tree-sitter support; bcp-mode highlights with regexps"))
  (unless bcp-grammar-repository
    (user-error "Set `bcp-grammar-repository' to a clone or git URL of bcp"))
  (require 'treesit)
  (add-to-list 'treesit-language-source-alist
               `(bcp ,bcp-grammar-repository nil "grammar/src"))
  (treesit-install-language-grammar 'bcp))

;;;; Indentation

(defun bcp-indent-line ()
  "Indent the current line by the nesting of brackets around it.
Lines inside a multi-line string are left as written."
  (interactive)
  (let* ((ppss (save-excursion (syntax-ppss (line-beginning-position))))
         (in-string (nth 3 ppss))
         (depth (car ppss))
         (column
          (save-excursion
            (back-to-indentation)
            (when (looking-at-p "[]}]")
              (setq depth (1- depth)))
            (* bcp-indent-offset (max depth 0)))))
    (unless in-string
      (if (<= (current-column) (current-indentation))
          (indent-line-to column)
        (save-excursion (indent-line-to column))))))

;;;; The mode

;;;###autoload
(define-derived-mode bcp-mode prog-mode "bcp"
  "Major mode for bcp business continuity plans (.bcp files).

Highlights with tree-sitter when available (Emacs 29+ and the bcp grammar,
see `bcp-mode-install-grammar'), with regular expressions otherwise.

\\{bcp-mode-map}"
  :syntax-table bcp-mode-syntax-table
  (setq-local comment-start "# ")
  (setq-local comment-start-skip "#+\\s-*")
  (setq-local comment-end "")
  (setq-local indent-tabs-mode nil)
  (setq-local tab-width bcp-indent-offset)
  (setq-local indent-line-function #'bcp-indent-line)
  (setq-local electric-indent-chars (append "{}[]" electric-indent-chars))
  (setq-local syntax-propertize-function bcp--syntax-propertize)
  (if (bcp--tree-sitter-usable-p)
      (progn
        (treesit-parser-create 'bcp)
        (setq-local treesit-font-lock-settings (bcp--treesit-font-lock-settings))
        (setq-local treesit-font-lock-feature-list
                    '((comment string keyword)
                      (property reference constant)
                      (escape)))
        (treesit-major-mode-setup)
        ;; treesit-major-mode-setup keeps ours unless simple-indent rules exist.
        (setq-local indent-line-function #'bcp-indent-line))
    (setq-local font-lock-defaults '(bcp-font-lock-keywords))))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.bcp\\'" . bcp-mode))

;; The language server, `bcp lsp`, for eglot (built into Emacs 29; M-x eglot
;; in a plan, or eglot-ensure from bcp-mode-hook).
(defvar eglot-server-programs)
;;;###autoload
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '(bcp-mode "bcp" "lsp")))

(provide 'bcp-mode)

;;; bcp-mode.el ends here
