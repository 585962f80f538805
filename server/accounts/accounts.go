// Package accounts holds the rules of staff accounts as writer commands:
// creating users, changing roles and passwords, one-time account links, and
// who has access to which event. Each names itself for the audit log
// (audit.Audited records it). Passwords arrive hashed: hashing is slow and
// stays out of the writer.
package accounts

import (
	"time"

	"github.com/google/uuid"

	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// state is a user as the audit log keeps it: no password, no sessions.
func state(u domain.User) map[string]any {
	return map[string]any{"email": u.Email, "name": u.Name, "role": u.Role, "active": u.Active}
}

// CreateUser makes an account that is active at once (the first
// administrator; a person signed in through the organisation's identity
// provider).
type CreateUser struct {
	Email, Name  string
	Role         domain.Role
	PasswordHash string // "" when the account signs in only through the provider
	Lang         string

	id string
}

func (c *CreateUser) Apply(tx *storage.Tx) ([]domain.Change, error) {
	c.id = uuid.Must(uuid.NewV7()).String()
	lang := c.Lang
	if lang == "" {
		lang = "sv"
	}
	return nil, tx.InsertUser(domain.User{ID: c.id, Email: c.Email, Name: c.Name, Role: c.Role, Active: true,
		CreatedAt: tx.Now(), Lang: lang}, c.PasswordHash)
}

func (c *CreateUser) Audit(*storage.Tx) (audit.Entry, error) {
	return audit.Entry{Action: "user.create", Kind: "user"}, nil
}

func (c *CreateUser) CreatedID() string { return c.id }

func (c *CreateUser) AuditAfter(tx *storage.Tx) any { return userState(tx, c.id) }

func userState(tx *storage.Tx, id string) any {
	u, err := tx.User(id)
	if err != nil {
		return nil
	}
	return state(u)
}

// UpdateUser changes a user's role and whether the account is active. There
// is always an active administrator left. A deactivated user, or one whose
// role changed, is signed out everywhere: an old session must not keep the
// old rights.
type UpdateUser struct {
	UserID string
	Role   domain.Role
	Active bool
}

func (c *UpdateUser) Apply(tx *storage.Tx) ([]domain.Change, error) {
	if !domain.ValidRole(c.Role) {
		return nil, domain.Errorf(domain.KindInvalid, "role_invalid")
	}
	before, err := tx.User(c.UserID)
	if err != nil {
		return nil, err
	}
	if before.Role == c.Role && before.Active == c.Active {
		return nil, nil
	}
	if before.Role == domain.RoleAdmin && before.Active && (c.Role != domain.RoleAdmin || !c.Active) {
		n, err := tx.ActiveAdmins()
		if err != nil {
			return nil, err
		}
		if n <= 1 {
			return nil, domain.Errorf(domain.KindConflict, "last_admin")
		}
	}
	if err := tx.SetUserAccess(c.UserID, c.Role, c.Active); err != nil {
		return nil, err
	}
	return nil, tx.EndSessions(c.UserID, "")
}

func (c *UpdateUser) Audit(tx *storage.Tx) (audit.Entry, error) {
	return audit.Entry{Action: "user.update", Kind: "user", ObjectID: c.UserID, Before: userState(tx, c.UserID)}, nil
}

func (c *UpdateUser) AuditAfter(tx *storage.Tx) any { return userState(tx, c.UserID) }

// ChangePassword sets a user's password and signs out their other sessions
// (KeepSession: the one that changed it, or none).
type ChangePassword struct {
	UserID       string
	PasswordHash string
	KeepSession  string
}

func (c *ChangePassword) Apply(tx *storage.Tx) ([]domain.Change, error) {
	if err := tx.SetPasswordHash(c.UserID, c.PasswordHash); err != nil {
		return nil, err
	}
	return nil, tx.EndSessions(c.UserID, c.KeepSession)
}

func (c *ChangePassword) Audit(*storage.Tx) (audit.Entry, error) {
	return audit.Entry{Action: "user.password", Kind: "user", ObjectID: c.UserID}, nil
}

// CreateLink stores a one-time account link by its token's hash: an
// invitation (for an address no account has) or a password reset. An
// earlier unused link of the same kind for the address stops working. Mail,
// if set, is the e-mail that carries the link, queued with it.
type CreateLink struct {
	TokenHash string
	Link      storage.AccountLink
	TTL       time.Duration
	CreatedBy string
	Mail      *domain.Mail
}

func (c *CreateLink) Apply(tx *storage.Tx) ([]domain.Change, error) {
	if c.Link.Purpose == "invite" {
		taken, err := tx.EmailTaken(c.Link.Email)
		if err != nil {
			return nil, err
		}
		if taken {
			return nil, domain.Errorf(domain.KindConflict, "email_taken")
		}
	}
	l := c.Link
	l.ExpiresAt = tx.Now().Add(c.TTL)
	if err := tx.ReplaceAccountLink(c.TokenHash, l, c.CreatedBy); err != nil {
		return nil, err
	}
	if c.Mail != nil {
		if _, err := tx.QueueMail(*c.Mail); err != nil {
			return nil, err
		}
	}
	return nil, nil
}

func (c *CreateLink) Audit(*storage.Tx) (audit.Entry, error) {
	return audit.Entry{Action: "user." + c.Link.Purpose, Kind: "user", ObjectID: c.Link.Email}, nil
}

func (c *CreateLink) AuditAfter(*storage.Tx) any {
	return map[string]string{"email": c.Link.Email, "role": string(c.Link.Role)}
}

// UseLink spends a one-time link: an invitation creates the account, a
// reset sets the password and signs the user out everywhere.
type UseLink struct {
	TokenHash    string
	Name         string
	PasswordHash string

	userID string
}

func (c *UseLink) Apply(tx *storage.Tx) ([]domain.Change, error) {
	l, err := tx.AccountLink(c.TokenHash)
	if err != nil {
		return nil, err
	}
	if err := tx.SpendAccountLink(c.TokenHash); err != nil {
		return nil, err
	}
	if l.Purpose == "reset" {
		c.userID = l.UserID
		if err := tx.SetPasswordHash(l.UserID, c.PasswordHash); err != nil {
			return nil, err
		}
		return nil, tx.EndSessions(l.UserID, "")
	}
	c.userID = uuid.Must(uuid.NewV7()).String()
	return nil, tx.InsertUser(domain.User{ID: c.userID, Email: l.Email, Name: c.Name, Role: l.Role, Active: true,
		CreatedAt: tx.Now(), Lang: "sv"}, c.PasswordHash)
}

func (c *UseLink) Audit(tx *storage.Tx) (audit.Entry, error) {
	l, err := tx.AccountLink(c.TokenHash)
	if err != nil {
		return audit.Entry{}, err
	}
	action := "user.create"
	if l.Purpose == "reset" {
		action = "user.password"
	}
	return audit.Entry{Action: action, Kind: "user"}, nil
}

func (c *UseLink) CreatedID() string { return c.userID }

func (c *UseLink) AuditAfter(tx *storage.Tx) any { return userState(tx, c.userID) }

// Grant gives a user access to an event (a workshop or a consultation).
type Grant struct {
	Kind, EventID, UserID string
}

func (c *Grant) Apply(tx *storage.Tx) ([]domain.Change, error) {
	if _, err := tx.User(c.UserID); err != nil {
		return nil, err
	}
	return nil, tx.Assign(c.Kind, c.EventID, c.UserID)
}

func (c *Grant) Audit(*storage.Tx) (audit.Entry, error) {
	return audit.Entry{Action: "access.grant", Kind: c.Kind, ObjectID: c.EventID, EventID: c.EventID}, nil
}

func (c *Grant) AuditAfter(tx *storage.Tx) any { return grantee(tx, c.UserID) }

// Revoke takes a user's access to an event away.
type Revoke struct {
	Kind, EventID, UserID string
}

func (c *Revoke) Apply(tx *storage.Tx) ([]domain.Change, error) {
	if _, err := tx.User(c.UserID); err != nil {
		return nil, err
	}
	_, err := tx.Unassign(c.Kind, c.EventID, c.UserID)
	return nil, err
}

func (c *Revoke) Audit(tx *storage.Tx) (audit.Entry, error) {
	return audit.Entry{Action: "access.revoke", Kind: c.Kind, ObjectID: c.EventID, EventID: c.EventID,
		Before: grantee(tx, c.UserID)}, nil
}

func grantee(tx *storage.Tx, userID string) any {
	u, err := tx.User(userID)
	if err != nil {
		return nil
	}
	return map[string]string{"user": u.Email, "role": string(u.Role)}
}
