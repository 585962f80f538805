package domain

import "time"

type Role string

const (
	RoleAdmin       Role = "admin"       // manages users and everything else
	RoleFacilitator Role = "facilitator" // processledare: runs workshops
)

func ValidRole(r Role) bool { return r == RoleAdmin || r == RoleFacilitator }

type User struct {
	ID        string
	Email     string
	Name      string
	Role      Role
	Active    bool
	CreatedAt time.Time
}

const MinPasswordRunes = 10
