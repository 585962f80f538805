package storage

import (
	"context"
	"database/sql"

	"github.com/samrad-se/samrad/server/domain"
)

// ThemeWorkshop is the workshop whose themes a consultation's comments are
// tagged with ("" when none is chosen).
func (s *Store) ThemeWorkshop(ctx context.Context, consultationID string) (string, error) {
	var id sql.NullString
	err := s.read.QueryRowContext(ctx, `SELECT theme_workshop_id FROM consultations WHERE id = ?`, consultationID).Scan(&id)
	return id.String, err
}

// SetThemeWorkshop chooses the workshop whose themes the comments get. Tags
// given with another workshop's themes are dropped.
func (tx *Tx) SetThemeWorkshop(consultationID, workshopID string) error {
	if _, err := tx.q.ExecContext(tx.ctx, `UPDATE consultations SET theme_workshop_id = NULLIF(?, '') WHERE id = ?`,
		workshopID, consultationID); err != nil {
		return translate(err)
	}
	_, err := tx.q.ExecContext(tx.ctx, `DELETE FROM consultation_comment_themes WHERE section_id IN
		(SELECT id FROM consultation_sections WHERE consultation_id = ?)
		AND theme_id NOT IN (SELECT id FROM themes WHERE workshop_id = ?)`, consultationID, workshopID)
	return translate(err)
}

// CommentExists reports whether a respondent of the consultation and a
// section of it exist (a comment that can be tagged).
func (tx *Tx) CommentExists(consultationID, respondentID, sectionID string) (bool, error) {
	var n int
	err := tx.q.QueryRowContext(tx.ctx, `SELECT count(*) FROM consultation_respondents r JOIN consultation_sections s
		ON s.consultation_id = r.consultation_id WHERE r.id = ? AND s.id = ? AND r.consultation_id = ?`,
		respondentID, sectionID, consultationID).Scan(&n)
	return n > 0, translate(err)
}

// IsThemeOfThemeWorkshop reports whether a theme belongs to the workshop
// whose themes the consultation's comments get.
func (tx *Tx) IsThemeOfThemeWorkshop(consultationID, themeID string) (bool, error) {
	var n int
	err := tx.q.QueryRowContext(tx.ctx, `SELECT count(*) FROM themes t JOIN consultations c ON c.theme_workshop_id = t.workshop_id
		WHERE t.id = ? AND c.id = ?`, themeID, consultationID).Scan(&n)
	return n > 0, translate(err)
}

// TagComment gives one respondent's comment on a section a theme; an empty
// theme removes the tag.
func (tx *Tx) TagComment(respondentID, sectionID, themeID string) error {
	if themeID == "" {
		_, err := tx.q.ExecContext(tx.ctx, `DELETE FROM consultation_comment_themes WHERE respondent_id = ? AND section_id = ?`,
			respondentID, sectionID)
		return translate(err)
	}
	_, err := tx.q.ExecContext(tx.ctx, `INSERT INTO consultation_comment_themes (respondent_id, section_id, theme_id, tagged_at)
		VALUES (?, ?, ?, ?) ON CONFLICT (respondent_id, section_id) DO UPDATE SET theme_id = excluded.theme_id,
		tagged_at = excluded.tagged_at`, respondentID, sectionID, themeID, formatTime(tx.now))
	return translate(err)
}

// CommentThemes maps "respondentID/sectionID" to the theme of each tagged
// comment of a consultation.
func (s *Store) CommentThemes(ctx context.Context, consultationID string) (map[string]string, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT t.respondent_id, t.section_id, t.theme_id FROM consultation_comment_themes t
		JOIN consultation_sections s ON s.id = t.section_id WHERE s.consultation_id = ?`, consultationID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	tags := map[string]string{}
	for rows.Next() {
		var r, sec, th string
		if err := rows.Scan(&r, &sec, &th); err != nil {
			return nil, err
		}
		tags[r+"/"+sec] = th
	}
	return tags, rows.Err()
}

// TaggedComment is a consultation comment tagged with a workshop theme.
type TaggedComment struct {
	ConsultationID, Consultation string
	SectionID, Section           string
	Organisation                 string
	Stance                       domain.Stance
	Comment                      string
}

// CommentsWithTheme lists the comments tagged with a theme, across
// consultations, by consultation and section, as each respondent's latest
// submitted version has them.
func (s *Store) CommentsWithTheme(ctx context.Context, themeID string) ([]TaggedComment, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT c.id, c.title, s.id, s.number, s.heading, r.organisation,
		coalesce(json_extract(v.data, '$.sections."' || s.id || '".stance'), ''),
		coalesce(json_extract(v.data, '$.sections."' || s.id || '".comment'), '')
		FROM consultation_comment_themes t
		JOIN consultation_sections s ON s.id = t.section_id
		JOIN consultations c ON c.id = s.consultation_id
		JOIN consultation_respondents r ON r.id = t.respondent_id
		JOIN consultation_versions v ON v.respondent_id = r.id
			AND v.version = (SELECT max(version) FROM consultation_versions WHERE respondent_id = r.id)
		WHERE t.theme_id = ? ORDER BY c.created_at, s.position, r.organisation`, themeID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []TaggedComment
	for rows.Next() {
		var tc TaggedComment
		var sec domain.Section
		if err := rows.Scan(&tc.ConsultationID, &tc.Consultation, &tc.SectionID, &sec.Number, &sec.Heading, &tc.Organisation,
			&tc.Stance, &tc.Comment); err != nil {
			return nil, err
		}
		tc.Section = sec.Label()
		list = append(list, tc)
	}
	return list, rows.Err()
}

// UntaggedComment is a consultation comment that has no theme yet, in a
// consultation whose comments take a workshop's themes.
type UntaggedComment struct {
	TaggedComment
	RespondentID string
}

// UntaggedComments lists the comments, as each respondent's latest
// submitted version has them, that are not tagged yet in the consultations
// that take the themes of a workshop.
func (s *Store) UntaggedComments(ctx context.Context, workshopID string) ([]UntaggedComment, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT c.id, c.title, s.id, s.number, s.heading, r.organisation, r.id,
		coalesce(json_extract(v.data, '$.sections."' || s.id || '".stance'), ''),
		coalesce(json_extract(v.data, '$.sections."' || s.id || '".comment'), '') AS comment
		FROM consultations c
		JOIN consultation_sections s ON s.consultation_id = c.id
		JOIN consultation_respondents r ON r.consultation_id = c.id
		JOIN consultation_versions v ON v.respondent_id = r.id
			AND v.version = (SELECT max(version) FROM consultation_versions WHERE respondent_id = r.id)
		WHERE c.theme_workshop_id = ? AND comment <> ''
			AND NOT EXISTS (SELECT 1 FROM consultation_comment_themes t WHERE t.respondent_id = r.id AND t.section_id = s.id)
		ORDER BY c.created_at, s.position, r.organisation`, workshopID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []UntaggedComment
	for rows.Next() {
		var uc UntaggedComment
		var sec domain.Section
		if err := rows.Scan(&uc.ConsultationID, &uc.Consultation, &uc.SectionID, &sec.Number, &sec.Heading, &uc.Organisation,
			&uc.RespondentID, &uc.Stance, &uc.Comment); err != nil {
			return nil, err
		}
		uc.Section = sec.Label()
		list = append(list, uc)
	}
	return list, rows.Err()
}
