-- A question's kind: 'text' takes free text (up to 2 000 characters); 'ord'
-- takes one to three words, shown live as a word cloud.
ALTER TABLE questions ADD COLUMN kind TEXT NOT NULL DEFAULT 'text' CHECK (kind IN ('text', 'ord'));
