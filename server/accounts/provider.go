package accounts

import (
	"github.com/google/uuid"

	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// ProviderSignIn decides who enters through the organisation's identity
// provider, in one transaction, and returns the account:
//   - an account with the e-mail address (case-insensitive) enters, unless
//     it is deactivated; a role from the provider replaces its role (audited),
//     except that the last active administrator stays one;
//   - else a pending invitation for the address becomes the account (with
//     the provider's role, if it gives one);
//   - else, if the provider gives a role, the account is created with it;
//   - anyone else is refused: the provider knows them, Samråd does not.
//
// Accounts created here have no password: they sign in through the provider.
// A sign-in that changes nothing is not an audit entry; the changes it makes
// are, by the person, "via" the provider.
type ProviderSignIn struct {
	Email, Name string
	// Role is what the provider's role claim gives, or "" when it gives none.
	Role domain.Role
	// Provider names the identity provider in the audit log.
	Provider string
}

func (c *ProviderSignIn) Apply(tx *storage.Tx) (domain.User, []domain.Change, error) {
	u, found, err := tx.UserByEmail(c.Email)
	if err != nil {
		return u, nil, err
	}
	if found {
		return c.enter(tx, u)
	}
	role := c.Role
	create := &providerCreate{user: domain.User{ID: uuid.Must(uuid.NewV7()).String(), Email: c.Email, Name: c.Name,
		Active: true, CreatedAt: tx.Now(), Lang: "sv"}}
	hash, invitation, invited, err := tx.PendingInvitation(c.Email)
	if err != nil {
		return u, nil, err
	}
	if invited {
		create.invitation = hash
		// The account keeps the address as the administrator wrote it.
		create.user.Email = invitation.Email
		if role == "" {
			role = invitation.Role
		}
	}
	if role == "" {
		return u, nil, domain.Errorf(domain.KindUnauthorized, "sso_unknown_user", "email", c.Email)
	}
	create.user.Role = role
	_, err = audit.Audited{Command: create, Actor: c.actor(create.user)}.Apply(tx)
	return create.user, nil, err
}

// enter lets an existing account in, with the provider's role if it gives
// one. A changed role ends the account's other sessions, as a change by an
// administrator does.
func (c *ProviderSignIn) enter(tx *storage.Tx, u domain.User) (domain.User, []domain.Change, error) {
	if !u.Active {
		return u, nil, domain.Errorf(domain.KindUnauthorized, "sso_deactivated", "email", u.Email)
	}
	if c.Role == "" || c.Role == u.Role {
		return u, nil, nil
	}
	if u.Role == domain.RoleAdmin {
		n, err := tx.ActiveAdmins()
		if err != nil {
			return u, nil, err
		}
		if n <= 1 {
			// Samråd always keeps one active administrator.
			return u, nil, nil
		}
	}
	if _, err := (audit.Audited{Command: &providerRole{userID: u.ID, role: c.Role}, Actor: c.actor(u)}).Apply(tx); err != nil {
		return u, nil, err
	}
	u.Role = c.Role
	return u, nil, nil
}

// actor names the user, signed in through the provider, in the audit log.
func (c *ProviderSignIn) actor(u domain.User) domain.Actor {
	return domain.Actor{ID: u.ID, Name: u.Name + " <" + u.Email + "> via " + c.Provider}
}

// providerCreate makes the account of someone the provider vouches for,
// taking up their invitation if there is one.
type providerCreate struct {
	user       domain.User
	invitation string // the invitation's token hash, or ""
}

func (c *providerCreate) Apply(tx *storage.Tx) ([]domain.Change, error) {
	if c.invitation != "" {
		if err := tx.SpendAccountLink(c.invitation); err != nil {
			return nil, err
		}
	}
	return nil, tx.InsertUser(c.user, "")
}

func (c *providerCreate) Audit(*storage.Tx) (audit.Entry, error) {
	return audit.Entry{Action: "user.sso_create", Kind: "user", ObjectID: c.user.ID}, nil
}

func (c *providerCreate) AuditAfter(tx *storage.Tx) any { return userState(tx, c.user.ID) }

// providerRole gives an account the role the provider says it has.
type providerRole struct {
	userID string
	role   domain.Role
}

func (c *providerRole) Apply(tx *storage.Tx) ([]domain.Change, error) {
	if err := tx.SetUserAccess(c.userID, c.role, true); err != nil {
		return nil, err
	}
	return nil, tx.EndSessions(c.userID, "")
}

func (c *providerRole) Audit(tx *storage.Tx) (audit.Entry, error) {
	return audit.Entry{Action: "user.sso_role", Kind: "user", ObjectID: c.userID, Before: userState(tx, c.userID)}, nil
}

func (c *providerRole) AuditAfter(tx *storage.Tx) any { return userState(tx, c.userID) }
