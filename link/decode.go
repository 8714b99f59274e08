package link

// Link is one decoded RTM_NEWLINK message (owned by the link show work).
type Link struct{}
