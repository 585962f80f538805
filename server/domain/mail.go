package domain

import "time"

// MailKind names what an e-mail is for.
type MailKind string

const (
	MailInvitation    MailKind = "invitation"     // an invited organisation's private link
	MailReceipt       MailKind = "receipt"        // a copy of a submitted answer
	MailReminder      MailKind = "reminder"       // the deadline is near and no answer has come
	MailDigest        MailKind = "digest"         // new answers, once a day, to the working group
	MailStaffInvite   MailKind = "staff_invite"   // a link to create an account
	MailPasswordReset MailKind = "password_reset" // a link to choose a new password
)

// MailState is where a message is in the outbox.
type MailState string

const (
	MailQueued    MailState = "queued"    // waiting to be sent (again, after NextAt)
	MailSending   MailState = "sending"   // handed to the SMTP server right now
	MailSent      MailState = "sent"      // the SMTP server took it
	MailFailed    MailState = "failed"    // refused for good, or tried for too long
	MailUncertain MailState = "uncertain" // the server stopped while sending: a person decides whether to resend
)

// Mail is one message in the outbox. Its text is written when it is sent,
// from what it refers to (a consultation, a respondent, a version, a user)
// and Params.
type Mail struct {
	ID             string
	Kind           MailKind
	ConsultationID string
	RespondentID   string
	UserID         string
	Recipient      string
	Lang           string
	Params         MailParams
	Dedupe         string // at most one message per key: a reminder per deadline, a digest per day
	State          MailState
	Attempts       int
	NextAt         time.Time
	LastError      string
	Subject        string // set once it is written
	CreatedAt      time.Time
	SentAt         time.Time
}

// MailParams is what a message needs beyond the objects it refers to.
type MailParams struct {
	Version  int       `json:"version,omitempty"` // a receipt's version
	Token    string    `json:"token,omitempty"`   // a staff link's token; erased once the message is sent or failed
	Role     Role      `json:"role,omitempty"`    // a staff invitation's role
	Since    time.Time `json:"since,omitzero"`    // a digest covers answers from Since …
	Until    time.Time `json:"until,omitzero"`    // … to Until
	Deadline time.Time `json:"deadline,omitzero"` // the deadline a reminder is about
}
