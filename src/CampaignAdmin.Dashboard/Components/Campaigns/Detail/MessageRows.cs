using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;

namespace CampaignAdmin.Dashboard.Components.Campaigns.Detail;

/// <summary>
/// The messages grid's rows, one object per message key across re-reads: a fresh answer is copied into the row already
/// shown (<see cref="MessageCopy"/>), so the grid keeps its rows (and a Resend button its click) instead of rebuilding them.
/// </summary>
public sealed class MessageRows
{
    private Dictionary<string, CampaignMessage> _shown = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The rows to show for <paramref name="fresh"/>: the ones already shown, updated, where the key is the same.</summary>
    public IReadOnlyList<CampaignMessage> Keep(IEnumerable<CampaignMessage> fresh)
    {
        var shown = new Dictionary<string, CampaignMessage>(StringComparer.OrdinalIgnoreCase);
        var rows = new List<CampaignMessage>();
        foreach (var message in fresh)
        {
            var row = message;
            if (MessageKeys.IsUsable(message.MessageKey) && !shown.ContainsKey(message.MessageKey.Trim()))
            {
                var key = message.MessageKey.Trim();
                if (_shown.TryGetValue(key, out var existing))
                {
                    if (!ReferenceEquals(existing, message)) MessageCopy.Into(message, existing);
                    row = existing;
                }
                shown[key] = row;
            }
            rows.Add(row);
        }
        _shown = shown;
        return rows;
    }
}
