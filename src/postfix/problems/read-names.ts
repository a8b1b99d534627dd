// The main.cf parameters doctor's rules look at beyond detect's own list. detect reads them in its one
// `postconf` (one reading of the machine per run), so doctor, status and check do not ask again.

/** Parameters whose tables change where and how mail to the relay goes. */
export const mapParameters = [
  'smtp_sasl_password_maps',
  'smtp_tls_policy_maps',
  'smtp_tls_per_site',
  'transport_maps',
  'sender_dependent_relayhost_maps',
  'sender_dependent_default_transport_maps',
  'smtp_generic_maps',
  'sender_canonical_maps',
  'canonical_maps',
  'recipient_canonical_maps',
  'virtual_alias_maps',
  'relocated_maps',
] as const;

export const doctorSettingNames = [
  ...mapParameters,
  'smtp_sasl_type',
  'smtp_sender_dependent_authentication',
  'inet_protocols',
  'smtp_address_preference',
  'smtp_tls_CApath',
  'smtpd_relay_restrictions',
  'smtpd_recipient_restrictions',
  'mynetworks',
  'inet_interfaces',
  'data_directory',
  'mail_owner',
  'queue_directory',
] as const;
