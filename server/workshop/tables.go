package workshop

import (
	"fmt"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// addTables creates tables "Bord <from+1>" … "Bord <from+n>", each with its own code.
func addTables(tx *storage.Tx, workshopID string, from, n int) ([]domain.Table, error) {
	list := make([]domain.Table, 0, n)
	for i := from + 1; i <= from+n; i++ {
		code, err := uniqueCode(tx)
		if err != nil {
			return nil, err
		}
		t := domain.Table{ID: newID(), WorkshopID: workshopID, Position: i, Name: fmt.Sprintf("Bord %d", i), Code: code}
		if err := tx.InsertTable(t); err != nil {
			return nil, err
		}
		list = append(list, t)
	}
	return list, nil
}

// AddTables adds N more tables after the existing ones.
type AddTables struct {
	WorkshopID string
	Count      int
}

func (a *AddTables) Apply(tx *storage.Tx) ([]domain.Change, error) {
	existing, err := tx.Tables(a.WorkshopID)
	if err != nil {
		return nil, err
	}
	if _, err := tx.Workshop(a.WorkshopID); err != nil {
		return nil, err
	}
	if a.Count < 1 || len(existing)+a.Count > domain.MaxTables {
		return nil, domain.Errorf(domain.KindInvalid, "tables_count", "max", domain.MaxTables)
	}
	added, err := addTables(tx, a.WorkshopID, len(existing), a.Count)
	if err != nil {
		return nil, err
	}
	changes := make([]domain.Change, 0, len(added))
	for _, t := range added {
		c, err := tableChange(tx, t)
		if err != nil {
			return nil, err
		}
		changes = append(changes, c)
	}
	return changes, nil
}

// RenameTable gives a table a name of the facilitator's choice ("Bord 4 – fönstret").
type RenameTable struct {
	WorkshopID, TableID string
	Name                string
}

func (r *RenameTable) Apply(tx *storage.Tx) ([]domain.Change, error) {
	name, err := cleanLine(r.Name, domain.MaxNameRunes, "table_name")
	if err != nil {
		return nil, err
	}
	t, err := tx.Table(r.WorkshopID, r.TableID)
	if err != nil {
		return nil, err
	}
	t.Name = name
	if err := tx.RenameTable(r.WorkshopID, r.TableID, name); err != nil {
		return nil, err
	}
	c, err := tableChange(tx, t)
	return []domain.Change{c}, err
}
