package hub

import "sync"

// Client is one live connection's place in the hub. The connection's writer
// reads Queue; when Done is closed, the connection must close with CloseCode.
type Client struct {
	workshopID string
	tableID    string
	queue      chan []byte

	once sync.Once
	done chan struct{}
	code int
}

func (c *Client) Queue() <-chan []byte  { return c.queue }
func (c *Client) Done() <-chan struct{} { return c.done }
func (c *Client) CloseCode() int        { <-c.done; return c.code }
func (c *Client) WorkshopID() string    { return c.workshopID }
func (c *Client) TableID() string       { return c.tableID }
func (c *Client) end(code int)          { c.once.Do(func() { c.code = code; close(c.done) }) }
