// Sentences about which relay a stored password belongs to, and about trusting only Postfix's word.
export const relaypwEn = {
  'relaypw.otherRelay': 'The app password stored for {account} belongs to {was}; it is not sent to {now}. Give it again for the new relay.',
  'relaypw.otherRelayHost': 'The stored app password for {account} belongs to another relay; type it again for {host}.',
} as const;
