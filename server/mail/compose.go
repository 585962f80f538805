package mail

import (
	"context"
	"strconv"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/i18n"
	"github.com/samrad-se/samrad/server/storage"
)

// composer writes a queued message from what it refers to, as the database
// has it when the message is sent.
type composer struct {
	cfg   Config
	store *storage.Store
}

// compose returns the letter for m; an error means it cannot be written
// (what it refers to is gone), which no retry will mend.
func (c composer) compose(ctx context.Context, m domain.Mail) (letter, error) {
	lang := m.Lang
	if !i18n.Has(lang) {
		lang = i18n.Default
	}
	t := func(key string, params ...any) string { return i18n.T(lang, key, params...) }
	l := letter{Lang: lang, Footer: c.footer(t)}
	switch m.Kind {
	case domain.MailStaffInvite:
		l.Subject = t("mail.staff_invite.subject")
		l.Lead = []string{t("mail.staff_invite.lead", "org", c.cfg.Organisation, "role", t("role."+string(m.Params.Role)))}
		l.LinkLabel, l.Link = t("mail.staff_invite.link"), c.cfg.BaseURL+"/account/link/"+m.Params.Token
		l.After = []string{t("mail.account_link.valid"), t("mail.staff_invite.unexpected")}
		return l, nil
	case domain.MailPasswordReset:
		l.Subject = t("mail.password_reset.subject")
		l.Lead = []string{t("mail.password_reset.lead")}
		l.LinkLabel, l.Link = t("mail.password_reset.link"), c.cfg.BaseURL+"/account/link/"+m.Params.Token
		l.After = []string{t("mail.account_link.valid"), t("mail.password_reset.unexpected")}
		return l, nil
	}
	con, err := c.store.Consultation(ctx, m.ConsultationID)
	if err != nil {
		return l, err
	}
	facts := func() []fact {
		var f []fact
		if con.RemittingBody != "" {
			f = append(f, fact{t("remiss.field.remitting_body"), con.RemittingBody})
		}
		if con.Dnr != "" {
			f = append(f, fact{t("remiss.field.dnr"), con.Dnr})
		}
		return append(f, fact{t("mail.deadline"), i18n.DateTime(lang, con.Deadline)})
	}
	if m.Kind == domain.MailDigest {
		return c.digest(ctx, l, t, con, m)
	}
	r, err := c.store.Respondent(ctx, con.ID, m.RespondentID)
	if err != nil {
		return l, err
	}
	link := c.cfg.BaseURL + "/r/" + r.Token
	switch m.Kind {
	case domain.MailInvitation:
		l.Subject = t("mail.invitation.subject", "title", con.Title)
		if con.RemittingBody != "" {
			l.Lead = append(l.Lead, t("mail.invitation.lead_from", "from", con.RemittingBody, "org", r.Organisation, "title", con.Title))
		} else {
			l.Lead = append(l.Lead, t("mail.invitation.lead", "org", r.Organisation, "title", con.Title))
		}
		l.Lead = append(l.Lead, t("mail.answer_by", "when", i18n.DateTime(lang, con.Deadline)))
		l.LinkLabel, l.Link = t("mail.private_link"), link
		l.Facts = facts()
		l.After = []string{t("mail.invitation.link_note")}
		if con.Intro != "" {
			l.Parts = []part{{Heading: t("mail.invitation.about"), Lines: []string{con.Intro}}}
		}
	case domain.MailReminder:
		l.Subject = t("mail.reminder.subject", "title", con.Title, "date", i18n.Date(lang, con.Deadline.In(i18n.Stockholm).Format("2006-01-02")))
		l.Lead = []string{t("mail.reminder.lead", "org", r.Organisation, "title", con.Title),
			t("mail.answer_by", "when", i18n.DateTime(lang, con.Deadline))}
		l.LinkLabel, l.Link = t("mail.private_link"), link
		l.Facts = facts()
		l.After = []string{t("mail.reminder.no_comments"), t("mail.reminder.draft_kept")}
	case domain.MailReceipt:
		v, err := c.store.Version(ctx, r.ID, m.Params.Version)
		if err != nil {
			return l, err
		}
		sections, err := c.store.Sections(ctx, con.ID)
		if err != nil {
			return l, err
		}
		l.Subject = t("mail.receipt.subject", "title", con.Title, "ref", r.Reference)
		l.Lead = []string{t("mail.receipt.lead", "title", con.Title)}
		l.Facts = append([]fact{{t("remiss.receipt.reference"), r.Reference}, {t("remiss.receipt.received"), i18n.DateTime(lang, v.SubmittedAt)},
			{t("remiss.receipt.version"), strconv.Itoa(v.Version)}}, facts()...)
		if v.Late {
			l.Facts = append(l.Facts, fact{t("remiss.col_late"), t("remiss.receipt.late")})
		}
		l.LinkLabel, l.Link = t("mail.receipt.link"), link+"/receipt/"+strconv.Itoa(v.Version)
		l.After = []string{t("remiss.receipt.public"), t("remiss.receipt.change_hint")}
		l.Parts = answerParts(t, lang, v.Answer, sections)
	default:
		return l, domain.Errorf(domain.KindInvalid, "mail_kind_unknown")
	}
	return l, nil
}

// answerParts is the copy of an answer in a receipt, as the receipt page shows it.
func answerParts(t func(string, ...any) string, lang string, a domain.Answer, sections []domain.Section) []part {
	about := []string{t("remiss.field.organisation") + ": " + a.Organisation}
	for _, f := range []struct{ key, value string }{{"remiss.field.org_number", a.OrgNumber}, {"remiss.field.contact", a.Contact},
		{"remiss.field.email", a.Email}, {"remiss.field.decided_by", a.DecidedBy}, {"remiss.field.decided_on", i18n.Date(lang, a.DecidedOn)},
		{"remiss.field.attachment", a.AttachmentName}} {
		if f.value != "" {
			about = append(about, t(f.key)+": "+f.value)
		}
	}
	if a.Publish != "" {
		about = append(about, t("remiss.form.publish_legend")+" "+t("remiss.publish."+a.Publish))
	}
	parts := []part{{Heading: t("remiss.receipt.copy"), Lines: about}}
	if a.Summary != "" {
		parts = append(parts, part{Heading: t("remiss.field.summary"), Lines: []string{a.Summary}})
	}
	if a.General != "" {
		parts = append(parts, part{Heading: t("remiss.field.general"), Lines: []string{a.General}})
	}
	for _, s := range sections {
		sa := a.Sections[s.ID]
		p := part{Heading: s.Label(), Lines: []string{t("remiss.stance_label") + " " + t("remiss.stance."+sa.Stance.Key())}}
		if sa.Comment != "" {
			p.Lines = append(p.Lines, sa.Comment)
		}
		parts = append(parts, p)
	}
	if a.Other != "" {
		parts = append(parts, part{Heading: t("remiss.field.other"), Lines: []string{a.Other}})
	}
	return parts
}

// digest lists the answers that came in over the period it covers.
func (c composer) digest(ctx context.Context, l letter, t func(string, ...any) string, con domain.Consultation, m domain.Mail) (letter, error) {
	subs, err := c.store.Submitted(ctx, con.ID, m.Params.Since, m.Params.Until)
	if err != nil {
		return l, err
	}
	l.Subject = t("mail.digest.subject", "title", con.Title, "n", len(subs))
	l.Lead = []string{t("mail.digest.lead", "n", len(subs), "title", con.Title, "since", i18n.DateTime(l.Lang, m.Params.Since),
		"until", i18n.DateTime(l.Lang, m.Params.Until))}
	l.LinkLabel, l.Link = t("mail.digest.overview"), c.cfg.BaseURL+"/admin/consultations/"+con.ID+"/overview"
	for _, s := range subs {
		line := t("mail.digest.line", "ref", s.Reference, "when", i18n.DateTime(l.Lang, s.SubmittedAt), "version", s.Version)
		if !s.Invited {
			line += " " + t("mail.digest.spontaneous")
		}
		if s.Late {
			line += " " + t("mail.digest.late")
		}
		l.Parts = append(l.Parts, part{Heading: s.Organisation, Lines: []string{line},
			Link: c.cfg.BaseURL + "/admin/consultations/" + con.ID + "/responses/" + s.RespondentID})
	}
	l.Footer = append([]string{t("mail.digest.why")}, l.Footer...)
	return l, nil
}

func (c composer) footer(t func(string, ...any) string) []string {
	f := []string{t("mail.footer", "org", c.cfg.Organisation)}
	if c.cfg.ContactEmail != "" {
		f = append(f, t("mail.footer_contact", "email", c.cfg.ContactEmail))
	}
	return f
}
