-- Statistics (DESIGN §3) at a million contacts.

-- When the same customer called next (the next contact's start), kept as contacts are added.
-- FCR (verified) then needs no self-join: a solve holds when the next contact came later than
-- its repeat window, whatever the window setting is.
ALTER TABLE contacts ADD COLUMN next_contact_at TEXT;
UPDATE contacts SET next_contact_at = (
  SELECT min(n.started_at) FROM contacts n
  WHERE n.customer_ref = contacts.customer_ref AND n.started_at > contacts.started_at
) WHERE customer_ref IS NOT NULL;

CREATE INDEX contacts_closed_filters ON contacts (closed_at, outcome, agent_department_id, channel);
CREATE INDEX search_events_contact_created ON search_events (created_at, contact_id);
