;;; emacs-eglot-test.el --- bcp lsp driven by headless Emacs and eglot  -*- lexical-binding: t; -*-

;; Not part of make test: `make lsp-emacs-test` (tests/lsp/emacs-eglot.sh).
;; Needs eglot: built into Emacs 29+, or Debian bookworm's package
;; elpa-eglot (1.9) for its Emacs 28.  Without eglot it says so and exits 77.
;;
;;   BCP=build/bcp REPO=. emacs --batch -Q -l tests/lsp/emacs-eglot-test.el
;;
;; Opens a copy of examples/beijing-finance.bcp in bcp-mode, starts eglot on
;; `bcp lsp`, and asserts at exact positions: no diagnostics at first, E106 at
;; `mediu` after an edit (through flymake), completion of `owner = contact.`,
;; hover on `owner`, definition of contact.cro, then shutdown.

;;; Code:

(require 'cl-lib)

(defvar bcp-test-failures 0)

(defun bcp-test-expect (ok what &optional got)
  "Count a failure unless OK; WHAT says which check, GOT what was seen."
  (if ok
      (message "ok: %s" what)
    (setq bcp-test-failures (1+ bcp-test-failures))
    (message "FAIL: %s%s" what (if got (format "\n  got: %S" got) ""))))

(defun bcp-test-wait (pred &optional seconds)
  "Process output until PRED is non-nil or SECONDS (default 20) pass."
  (let ((deadline (+ (float-time) (or seconds 20))) (v nil))
    (while (and (not (setq v (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    v))

;; `emacs -Q` activates no packages: Debian's elpa-* (eglot 1.9 and the
;; newer project, xref and seq it needs) are put on the load path here.
(dolist (dir (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
  (add-to-list 'load-path dir))

(unless (require 'eglot nil t)
  (message "emacs-eglot-test: eglot is not installed (Emacs 29+, or Debian's elpa-eglot for Emacs 28): skipped")
  (kill-emacs 77))

(let* ((repo (file-name-as-directory (expand-file-name (or (getenv "REPO") "."))))
       (bcp (expand-file-name (or (getenv "BCP") "build/bcp") repo))
       (dir (make-temp-file "bcp-eglot-" t))
       (file (expand-file-name "beijing-finance.bcp" dir)))
  (make-directory (expand-file-name ".git" dir))
  (copy-file (expand-file-name "examples/beijing-finance.bcp" repo) file)
  (add-to-list 'load-path (expand-file-name "editors/emacs" repo))
  (require 'bcp-mode)
  ;; What bcp-mode.el registers for users: `bcp lsp` from PATH.
  (bcp-test-expect (equal (cdr (assq 'bcp-mode eglot-server-programs)) '("bcp" "lsp"))
                   "bcp-mode registers `bcp lsp` with eglot" (assq 'bcp-mode eglot-server-programs))
  ;; The server this build made, with the date the examples are judged on.
  (setq eglot-server-programs
        (cons `(bcp-mode ,bcp "lsp" "--debounce" "0" "--today" "2026-12-04") eglot-server-programs))
  (setq eglot-sync-connect 10 eglot-autoshutdown nil)
  (find-file file)
  (bcp-test-expect (eq major-mode 'bcp-mode) "the plan opens in bcp-mode" major-mode)
  (apply #'eglot (eglot--guess-contact))
  (let ((server (bcp-test-wait #'eglot-current-server)))
    (bcp-test-expect server "eglot connects to bcp lsp")
    (when server
      (bcp-test-wait (lambda () (and (boundp 'flymake-mode) flymake-mode)) 5)
      (accept-process-output nil 1)
      (bcp-test-expect (null (flymake-diagnostics)) "beijing-finance.bcp has no findings"
                       (flymake-diagnostics))
      ;; `size = medium` -> `size = mediu`: E106 on `mediu`.
      (goto-char (point-min))
      (search-forward "size         = medium")
      (let ((end (point)))
        (delete-region (1- end) end)
        ;; eglot sends the change on an idle timer and flymake asks for its
        ;; report on another: neither fires in batch Emacs, so both are
        ;; called here (what the timers would do).
        (eglot--signal-textDocument/didChange)
        (flymake-start)
        (let ((diags (bcp-test-wait
                      (lambda ()
                        (cl-remove-if-not (lambda (d) (string-match-p "E106\\|mediu" (flymake-diagnostic-text d)))
                                          (flymake-diagnostics)))
                      20)))
          (bcp-test-expect diags "E106 is published after the edit" (flymake-diagnostics))
          (when diags
            (let ((d (car diags)))
              (bcp-test-expect (and (= (flymake-diagnostic-beg d) (- end 6))
                                    (= (flymake-diagnostic-end d) (1- end)))
                               "E106 spans `mediu`"
                               (list (flymake-diagnostic-beg d) (flymake-diagnostic-end d) (- end 6))))))
        (insert "m")
        (eglot--signal-textDocument/didChange))
      ;; Completion of `owner = contact.`
      (goto-char (point-min))
      (search-forward "owner        = contact.")
      (let* ((items (jsonrpc-request server :textDocument/completion
                                     (eglot--TextDocumentPositionParams)))
             (list (if (vectorp items) items (plist-get items :items)))
             (labels (mapcar (lambda (i) (plist-get i :label)) list)))
        (bcp-test-expect (and (member "contact.cro" labels) (member "contact.ceo" labels))
                         "completion offers the contacts" labels))
      ;; Hover on `owner`.
      (goto-char (point-min))
      (search-forward "owner        = contact.cro")
      ;; Kept: a request's reply handling clobbers the match data.
      (let ((owner-start (match-beginning 0)) (owner-end (match-end 0)))
      (goto-char owner-start)
      (let* ((h (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
             (value (plist-get (plist-get h :contents) :value)))
        (bcp-test-expect (and value (string-match-p "reference to contact" value)) "hover on owner" value))
      ;; Definition of contact.cro: its block.
      (goto-char owner-end)
      (backward-char 1)
      (let* ((r (jsonrpc-request server :textDocument/definition (eglot--TextDocumentPositionParams)))
             (loc (if (vectorp r) (aref r 0) r))
             (line (plist-get (plist-get (plist-get loc :range) :start) :line))
             (want (save-excursion (goto-char (point-min))
                                   (re-search-forward "^contact cro ")
                                   (1- (line-number-at-pos)))))
        (bcp-test-expect (eql line want) "definition of contact.cro" (list line want))))
      (set-buffer-modified-p nil)
      (eglot-shutdown server)
      (bcp-test-expect (not (jsonrpc-running-p server)) "shutdown stops the server"))))

(message "emacs-eglot-test: %s" (if (zerop bcp-test-failures) "ok" (format "%d failures" bcp-test-failures)))
(kill-emacs (if (zerop bcp-test-failures) 0 1))

;;; emacs-eglot-test.el ends here
