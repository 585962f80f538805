// Command oidc-provider runs a local OpenID Connect provider that signs in
// one chosen person at once, without a password page: for the browser tests
// and for trying Samråd's sign-in on a laptop. It listens on loopback only.
//
//	go run ./scripts/oidc-provider -email anna@example.se -roles samrad-admin
//
// It prints one line of JSON with what Samråd needs (issuer, clientId,
// clientSecret), then serves until it is stopped.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/samrad-se/samrad/server/sso/ssotest"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on (loopback only)")
	clientID := flag.String("client-id", "samrad", "client id Samråd is registered with")
	clientSecret := flag.String("client-secret", "samrad-secret", "client secret")
	email := flag.String("email", "anna@example.se", "e-mail address of the person who signs in")
	name := flag.String("name", "Anna Andersson", "their name")
	roles := flag.String("roles", "", "comma-separated values of their \"roles\" claim")
	flag.Parse()

	host, _, err := net.SplitHostPort(*addr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		fmt.Fprintln(os.Stderr, "oidc-provider: -addr must be a loopback address, e.g. 127.0.0.1:9998")
		os.Exit(2)
	}
	p, err := ssotest.Start(*addr, ssotest.Options{ClientID: *clientID, ClientSecret: *clientSecret})
	if err != nil {
		fmt.Fprintln(os.Stderr, "oidc-provider:", err)
		os.Exit(1)
	}
	u := ssotest.User{Email: *email, Name: *name}
	if *roles != "" {
		u.Claims = map[string]any{"roles": strings.Split(*roles, ",")}
	}
	p.Always(u)
	json.NewEncoder(os.Stdout).Encode(map[string]string{"issuer": p.Issuer(), "clientId": p.ClientID(), "clientSecret": p.ClientSecret()})

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGINT, syscall.SIGTERM)
	<-stop
	p.Close()
}
