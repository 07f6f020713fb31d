// The few browser facts the dashboard needs from JavaScript.
window.campaignAdmin = {
  timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
  // Below MudBlazor's md breakpoint the navigation drawer overlays the page (MainLayout asks on each toggle).
  narrow: () => !!(window.matchMedia && window.matchMedia("(max-width: 959px)").matches),
  prefersDark: () => !!(window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches),
  // The person's own light/dark choice, kept in this browser; null until they make one (storage may be unavailable).
  theme: () => { try { return localStorage.getItem("campaignadmin.theme"); } catch { return null; } },
  copy: async (text) => { try { await navigator.clipboard.writeText(text); return true; } catch { return false; } },
  // The address bar only: no Blazor navigation, so open dialogs (an import) stay open and the page is not set again.
  replaceAddress: (url) => { try { history.replaceState(history.state, "", url); return true; } catch { return false; } },
  isDark: () => document.documentElement.classList.contains("ca-dark"),
  setTheme: (theme) => {
    document.documentElement.classList.toggle("ca-dark", theme === "dark");
    try { localStorage.setItem("campaignadmin.theme", theme); } catch { /* not kept */ }
  },
};
// Dark from the first paint when chosen before, or when the system prefers it and no choice was made (DashboardTheme.Dark).
document.documentElement.classList.toggle("ca-dark",
  (window.campaignAdmin.theme() ?? (window.campaignAdmin.prefersDark() ? "dark" : "light")) === "dark");
