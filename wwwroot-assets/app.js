// The few browser facts the dashboard needs from JavaScript.
window.campaignAdmin = {
  timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
  prefersDark: () => !!(window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches),
};
