package storage

import (
	"context"
	"database/sql"
	"time"

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
func (s *Store) SetThemeWorkshop(ctx context.Context, consultationID, workshopID string, by domain.Actor) error {
	return s.update(ctx, func(q querier, now time.Time) error {
		if _, err := q.ExecContext(ctx, `UPDATE consultations SET theme_workshop_id = NULLIF(?, '') WHERE id = ?`,
			workshopID, consultationID); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, `DELETE FROM consultation_comment_themes WHERE section_id IN
			(SELECT id FROM consultation_sections WHERE consultation_id = ?)
			AND theme_id NOT IN (SELECT id FROM themes WHERE workshop_id = ?)`, consultationID, workshopID); err != nil {
			return err
		}
		return appendAudit(ctx, q, now, domain.AuditEntry{Actor: by, Action: "consultation.theme_workshop",
			ObjectKind: domain.KindConsultation, ObjectID: consultationID, EventID: consultationID,
			After: jsonOf(map[string]string{"workshop": workshopID})})
	})
}

// TagComment gives one respondent's comment on a section a theme of the
// consultation's theme workshop; an empty theme removes the tag.
func (s *Store) TagComment(ctx context.Context, consultationID, respondentID, sectionID, themeID string, by domain.Actor) error {
	return s.update(ctx, func(q querier, now time.Time) error {
		var n int
		if err := q.QueryRowContext(ctx, `SELECT count(*) FROM consultation_respondents r JOIN consultation_sections s
			ON s.consultation_id = r.consultation_id WHERE r.id = ? AND s.id = ? AND r.consultation_id = ?`,
			respondentID, sectionID, consultationID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return domain.Errorf(domain.KindNotFound, "remiss_respondent_not_found")
		}
		if themeID == "" {
			if _, err := q.ExecContext(ctx, `DELETE FROM consultation_comment_themes WHERE respondent_id = ? AND section_id = ?`,
				respondentID, sectionID); err != nil {
				return err
			}
		} else {
			if err := q.QueryRowContext(ctx, `SELECT count(*) FROM themes t JOIN consultations c ON c.theme_workshop_id = t.workshop_id
				WHERE t.id = ? AND c.id = ?`, themeID, consultationID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return domain.Errorf(domain.KindNotFound, "theme_not_found")
			}
			if _, err := q.ExecContext(ctx, `INSERT INTO consultation_comment_themes (respondent_id, section_id, theme_id, tagged_at)
				VALUES (?, ?, ?, ?) ON CONFLICT (respondent_id, section_id) DO UPDATE SET theme_id = excluded.theme_id,
				tagged_at = excluded.tagged_at`, respondentID, sectionID, themeID, formatTime(now)); err != nil {
				return err
			}
		}
		return appendAudit(ctx, q, now, domain.AuditEntry{Actor: by, Action: "consultation.tag", ObjectKind: "respondent",
			ObjectID: respondentID, EventID: consultationID, After: jsonOf(map[string]string{"section": sectionID, "theme": themeID})})
	})
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
