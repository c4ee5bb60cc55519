using Radzen;

namespace Candlefish.Web.Components.Pages.CrownTrophy;

/// <summary>How the catalog's lists delete a row: ask first, then say what happened, including why the database kept it.</summary>
public static class ConfirmedDelete
{
    /// <returns>Whether the row was deleted.</returns>
    public static async Task<bool> RunAsync(DialogService dialogs, NotificationService notifications, string title, string name, string consequence,
        Func<Task> delete)
    {
        if (await dialogs.Confirm($"Delete {name}? {consequence}", title, new ConfirmOptions { OkButtonText = "Delete", CancelButtonText = "Keep" }) != true)
            return false;
        var errors = await Shared.FieldErrors.TryAsync(delete);
        notifications.Notify(errors.Count == 0
            ? new NotificationMessage { Severity = NotificationSeverity.Info, Summary = $"{name} deleted" }
            : new NotificationMessage { Severity = NotificationSeverity.Error, Summary = $"{name} was not deleted", Detail = string.Join(" ", errors.Values.SelectMany(m => m)) });
        return errors.Count == 0;
    }
}
