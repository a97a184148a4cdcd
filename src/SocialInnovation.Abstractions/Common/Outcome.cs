namespace SocialInnovation.Common;

/// <summary>
/// The answer to a command: a value, or the reason it was refused. Grains return refusals instead of
/// throwing so that a refusal crosses the wire as data and nothing is half-applied.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Outcome<T>(T? Value, DomainError? Error)
{
    public bool IsOk => Error is null;

    public static Outcome<T> Ok(T value) => new(value, null);

    public static implicit operator Outcome<T>(DomainError error) => new(default, error);

    public static implicit operator Outcome<T>(T value) => new(value, null);
}
