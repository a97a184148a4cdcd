using FluentValidation;
using SocialInnovation.Common;

namespace SocialInnovation.Grains.Common;

/// <summary>The first step of every grain command: its validator's refusal, or null when the command may go on.</summary>
public static class CommandCheck
{
    /// <summary>
    /// The validator's errors as an <see cref="ErrorKind.Invalid"/> refusal; a missing command is refused too
    /// (FluentValidation would throw on it), so a grain called directly never crashes on an empty request.
    /// </summary>
    public static DomainError? Refusal<T>(IValidator<T> validator, T command)
    {
        if (command is null) return new DomainError(ErrorKind.Invalid, "validation", "The request is empty.");
        var result = validator.Validate(command);
        return result.IsValid ? null : DomainError.Invalid(result);
    }
}
