using System.Collections;
using CampaignAdmin.Contracts.Campaigns;

namespace CampaignAdmin.Dashboard.Components.Campaigns.New;

/// <summary>A grid row and its position.</summary>
public readonly record struct NumberedRow(int Index, CampaignClient Client);

/// <summary>
/// The recipients with their positions, for Virtualize: it reads only the rows in view (Skip/Take go through the indexer), so
/// no row's position has to be looked up or re-derived when rows are added or deleted. Read-only.
/// </summary>
public sealed class NumberedRows(List<CampaignClient> clients) : IList<NumberedRow>, IReadOnlyList<NumberedRow>
{
    public NumberedRow this[int index]
    {
        get => new(index, clients[index]);
        set => throw new NotSupportedException();
    }

    public int Count => clients.Count;
    public bool IsReadOnly => true;

    public IEnumerator<NumberedRow> GetEnumerator()
    {
        for (var i = 0; i < clients.Count; i++) yield return new(i, clients[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    public int IndexOf(NumberedRow item) => item.Index < clients.Count && ReferenceEquals(clients[item.Index], item.Client) ? item.Index : -1;
    public bool Contains(NumberedRow item) => IndexOf(item) >= 0;

    public void CopyTo(NumberedRow[] array, int arrayIndex)
    {
        for (var i = 0; i < clients.Count; i++) array[arrayIndex + i] = this[i];
    }

    public void Add(NumberedRow item) => throw new NotSupportedException();
    public void Clear() => throw new NotSupportedException();
    public void Insert(int index, NumberedRow item) => throw new NotSupportedException();
    public bool Remove(NumberedRow item) => throw new NotSupportedException();
    public void RemoveAt(int index) => throw new NotSupportedException();
}
