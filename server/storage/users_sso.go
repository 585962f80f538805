package storage

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/google/uuid"

	"github.com/samrad-se/samrad/server/domain"
)

// ProviderLogin is someone the organisation's identity provider vouches for.
type ProviderLogin struct {
	Email string
	Name  string
	// Role is what the provider's role claim gives, or "" when it gives none.
	Role domain.Role
	// Provider names the identity provider in the audit log.
	Provider string
}

// SignInWithProvider decides who enters, in one transaction:
//   - an account with the e-mail address (case-insensitive) enters, unless
//     it is deactivated; a role from the provider replaces its role (audited),
//     except that the last active administrator stays one;
//   - else a pending invitation for the address becomes the account (with
//     the provider's role, if it gives one);
//   - else, if the provider gives a role, the account is created with it;
//   - anyone else is refused: the provider knows them, Samråd does not.
//
// Accounts created here have no password: they sign in through the provider.
func (s *Store) SignInWithProvider(ctx context.Context, l ProviderLogin) (domain.User, error) {
	var u domain.User
	err := s.update(ctx, func(q querier, now time.Time) error {
		var err error
		u, err = scanUser(q.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE email = ?`, l.Email))
		switch {
		case err == nil:
			return providerRole(ctx, q, now, &u, l)
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		role := l.Role
		email := l.Email
		var invitation string
		var invited domain.Role
		err = q.QueryRowContext(ctx, `SELECT token_hash, email, role FROM account_links
			WHERE purpose = 'invite' AND email = ? AND used_at IS NULL AND expires_at > ?
			ORDER BY created_at DESC LIMIT 1`, l.Email, formatTime(now)).Scan(&invitation, &email, &invited)
		switch {
		case err == nil:
			// The account keeps the address as the administrator wrote it.
			if role == "" {
				role = invited
			}
			if _, err := q.ExecContext(ctx, `UPDATE account_links SET used_at = ? WHERE token_hash = ?`, formatTime(now), invitation); err != nil {
				return err
			}
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		if role == "" {
			return domain.Errorf(domain.KindUnauthorized, "sso_unknown_user", "email", l.Email)
		}
		id, err := uuid.NewV7()
		if err != nil {
			return err
		}
		u = domain.User{ID: id.String(), Email: email, Name: l.Name, Role: role, Active: true, CreatedAt: now}
		if _, err := q.ExecContext(ctx, `INSERT INTO users (id, email, name, password_hash, role, active, created_at)
			VALUES (?, ?, ?, '', ?, 1, ?)`, u.ID, u.Email, u.Name, u.Role, formatTime(now)); err != nil {
			return err
		}
		return appendAudit(ctx, q, now, domain.AuditEntry{Actor: providerActor(u, l), Action: "user.sso_create",
			ObjectKind: "user", ObjectID: u.ID, After: userState(u)})
	})
	return u, err
}

// providerRole lets an existing account in, with the provider's role if it
// gives one. A changed role ends the account's other sessions, as a change
// by an administrator does.
func providerRole(ctx context.Context, q querier, now time.Time, u *domain.User, l ProviderLogin) error {
	if !u.Active {
		return domain.Errorf(domain.KindUnauthorized, "sso_deactivated", "email", u.Email)
	}
	if l.Role == "" || l.Role == u.Role {
		return nil
	}
	if l.Role != domain.RoleAdmin {
		if err := lastAdminGuard(ctx, q, *u); err != nil {
			if domain.IsKind(err, domain.KindConflict) {
				// Samråd always keeps one active administrator.
				return nil
			}
			return err
		}
	}
	before := *u
	u.Role = l.Role
	if _, err := q.ExecContext(ctx, `UPDATE users SET role = ? WHERE id = ?`, u.Role, u.ID); err != nil {
		return err
	}
	if _, err := q.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = ?`, u.ID); err != nil {
		return err
	}
	return appendAudit(ctx, q, now, domain.AuditEntry{Actor: providerActor(*u, l), Action: "user.sso_role",
		ObjectKind: "user", ObjectID: u.ID, Before: userState(before), After: userState(*u)})
}

// providerActor names the user, signed in through the provider, in the audit log.
func providerActor(u domain.User, l ProviderLogin) domain.Actor {
	return domain.Actor{ID: u.ID, Name: u.Name + " <" + u.Email + "> via " + l.Provider}
}
