using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Identity;

namespace Candlefish.Web.Components.Account;

/// <summary>Identity's errors beside the fields they are about, so a refused password reads as a field error, not a page error.</summary>
public static class IdentityErrors
{
    /// <summary>
    /// Adds each error that <paramref name="fieldOf"/> places to that field of the form, and returns the others joined
    /// (null when every error found its field).
    /// </summary>
    public static string? ShowBesideFields(this EditContext form, IEnumerable<IdentityError> errors, Func<IdentityError, string?> fieldOf)
    {
        var messages = new ValidationMessageStore(form);
        var unplaced = new List<string>();
        foreach (var error in errors)
        {
            if (fieldOf(error) is { } field)
                messages.Add(form.Field(field), error.Description);
            else
                unplaced.Add(error.Description);
        }
        form.NotifyValidationStateChanged();
        return unplaced.Count == 0 ? null : string.Join(" ", unplaced);
    }

    /// <summary>One message beside one field, for a check the form's annotations cannot make (a code that is not right).</summary>
    public static void AddFieldError(this EditContext form, string field, string message)
    {
        new ValidationMessageStore(form).Add(form.Field(field), message);
        form.NotifyValidationStateChanged();
    }

    /// <summary>A password rule (length, unique characters, the common-password list), not a wrong current password.</summary>
    public static bool IsPasswordRule(IdentityError error) =>
        error.Code == "CommonPassword" || (error.Code.StartsWith("Password", StringComparison.Ordinal) && error.Code != nameof(IdentityErrorDescriber.PasswordMismatch));
}
