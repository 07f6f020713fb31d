using AngleSharp;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Web;

namespace CampaignAdmin.Dashboard.Tests.Support;

/// <summary>
/// Events that have been handled by the time they return. bUnit's <c>Click()</c>, <c>Input()</c> and <c>Change()</c>
/// only queue the event when the renderer is busy (a MudBlazor timer re-rendering, say) and return at once, so a
/// <c>Find</c> right after can run before the handler did: the flake CI met as "Row 2 Account ID" not found after
/// "Add row". These wait until the handler has run up to its first await that did not complete; a handler that awaits
/// the user (a confirmation dialog) keeps waiting and the test goes on, as a user would.
/// </summary>
public static class SettledEvents
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static void ClickSettled(this IElement element) => Settle(element, e => e.ClickAsync(new MouseEventArgs()));

    /// <summary>
    /// One click of a browser's double-click: <paramref name="detail"/> 1 for the first, 2 for the second (the browser's
    /// <c>MouseEvent.detail</c>). Find the element again between the two: the first may have re-rendered it.
    /// </summary>
    public static void ClickSettled(this IElement element, long detail) => Settle(element, e => e.ClickAsync(new MouseEventArgs { Detail = detail }));

    public static void InputSettled<T>(this IElement element, T value) => Settle(element, e => e.InputAsync(value));

    public static void ChangeSettled<T>(this IElement element, T value) => Settle(element, e => e.ChangeAsync(value));

    public static void BlurSettled(this IElement element) => Settle(element, e => e.BlurAsync(new FocusEventArgs()));

    public static void FocusOutSettled(this IElement element) => Settle(element, e => e.FocusOutAsync(new FocusEventArgs()));

    private static void Settle(IElement element, Func<IElement, Task> dispatch)
    {
        // Taken first: the element may be gone once the event ran (a dialog's button closes the dialog).
        var dispatcher = (element.Owner?.Context.GetService<BunitContext>() ?? throw new InvalidOperationException("The element was not rendered by bUnit.")).Renderer.Dispatcher;
        var dispatched = dispatch(element);
        // The dispatcher runs its work in order: once this no-op ran, the event's handler ran as far as it could without waiting.
        if (!dispatcher.InvokeAsync(() => { }).Wait(Limit))
            throw new TimeoutException($"The renderer stayed busy for {Limit.TotalSeconds} s after an event.");
        if (dispatched.IsFaulted) dispatched.GetAwaiter().GetResult();
    }
}
