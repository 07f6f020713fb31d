// The few browser facts the dashboard needs from JavaScript.
window.campaignAdmin = {
  timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
  prefersDark: () => !!(window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches),
  // The person's own light/dark choice, kept in this browser; null until they make one (storage may be unavailable).
  theme: () => { try { return localStorage.getItem("campaignadmin.theme"); } catch { return null; } },
  copy: async (text) => { try { await navigator.clipboard.writeText(text); return true; } catch { return false; } },
  setTheme: (theme) => { try { localStorage.setItem("campaignadmin.theme", theme); } catch { /* not kept */ } },
};
