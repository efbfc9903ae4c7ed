;;; emacs-check.el --- batch checks of bcp-mode  -*- lexical-binding: t; -*-
;; Run by tests/cli/test_editors.sh:
;;   emacs -Q --batch -L DIR-OF-bcp-mode.elc -l emacs-check.el SAMPLE
;; Exits non-zero and lists the failures when a face or an indentation is wrong.

(require 'bcp-mode)

(defvar bcp-check-failures 0)

(defun bcp-check (ok what)
  (unless ok
    (setq bcp-check-failures (1+ bcp-check-failures))
    (message "FAIL: %s" what)))

(defun bcp-check-face (line column face)
  "The character at LINE (1-based), COLUMN (0-based) carries FACE."
  (save-excursion
    (goto-char (point-min))
    (forward-line (1- line))
    (move-to-column column)
    (let* ((actual (get-text-property (point) 'face))
           (faces (if (listp actual) actual (list actual))))
      (bcp-check (memq face faces)
                 (format "%d:%d %S: want %s, got %S" line column
                         (buffer-substring (point) (min (point-max) (+ (point) 10)))
                         face actual)))))

(let ((sample (car command-line-args-left)))
  (setq command-line-args-left nil)
  (setq bcp-use-tree-sitter nil)
  (find-file sample)
  (bcp-check (eq major-mode 'bcp-mode) (format "auto-mode-alist: %s" major-mode))
  (bcp-check (equal comment-start "# ") "comment-start")
  (font-lock-ensure)
  (bcp-check-face 1 0 'font-lock-comment-delimiter-face)
  (bcp-check-face 1 5 'font-lock-comment-face)
  (bcp-check-face 2 0 'font-lock-keyword-face)          ; use
  (bcp-check-face 2 5 'font-lock-string-face)           ; "std/core"
  (bcp-check-face 4 0 'font-lock-keyword-face)          ; plan
  (bcp-check-face 4 5 'font-lock-function-name-face)    ; sample
  (bcp-check-face 5 2 'font-lock-variable-name-face)    ; title
  (bcp-check-face 5 17 'font-lock-string-face)
  (bcp-check-face 5 25 bcp-escape-face)                 ; \"
  (bcp-check-face 5 25 'font-lock-string-face)
  (bcp-check-face 8 17 'font-lock-type-face)            ; contact.
  (bcp-check-face 8 25 'font-lock-constant-face)        ; .owner
  (bcp-check-face 9 17 'font-lock-constant-face)        ; 2026-09-01
  (bcp-check-face 10 17 'font-lock-constant-face)       ; 6mo
  (bcp-check-face 12 5 'font-lock-string-face)          ; list item
  (bcp-check-face 19 13 'font-lock-constant-face)       ; 1
  (bcp-check-face 20 13 'font-lock-builtin-face)        ; true
  (bcp-check-face 21 13 'font-lock-constant-face)       ; 24h
  (bcp-check-face 22 13 'font-lock-string-face)         ; """
  (bcp-check-face 23 4 'font-lock-string-face)          ; inside """
  (bcp-check-face 25 6 'font-lock-string-face)          ; closing """
  (bcp-check-face 26 2 'font-lock-variable-name-face)   ; owner, after the string
  (bcp-check-face 33 2 'font-lock-keyword-face)         ; nested backup
  (bcp-check-face 33 9 'font-lock-function-name-face)   ; nightly
  (bcp-check-face 35 14 'font-lock-builtin-face)        ; false
  ;; A quote inside a multi-line string does not end it.
  (with-temp-buffer
    (bcp-mode)
    (insert "x = \"\"\"\nsay \"hi\" \" here\n\"\"\"\ny = 1\n")
    (font-lock-ensure)
    (bcp-check-face 2 10 'font-lock-string-face)
    (bcp-check-face 2 12 'font-lock-string-face)
    (bcp-check-face 4 0 'font-lock-variable-name-face))
  ;; Re-indenting the sample changes nothing; a flat copy gets its layout back
  ;; (multi-line string lines stay as written).
  (let ((original (buffer-string)))
    (indent-region (point-min) (point-max))
    (bcp-check (equal original (buffer-string)) "indent-region changed the sample")
    (with-temp-buffer
      (bcp-mode)
      (insert "system erp {\nbackup {\nevery = 1d\n}\ntags = [\n\"a\",\n]\n}\n")
      (indent-region (point-min) (point-max))
      (bcp-check (equal (buffer-string)
                        "system erp {\n  backup {\n    every = 1d\n  }\n  tags = [\n    \"a\",\n  ]\n}\n")
                 (format "indentation of a flat block: %S" (buffer-string)))))
  (set-buffer-modified-p nil)
  (message "emacs: %s" (if (zerop bcp-check-failures) "all checks passed"
                          (format "%d failures" bcp-check-failures)))
  (kill-emacs (if (zerop bcp-check-failures) 0 1)))
