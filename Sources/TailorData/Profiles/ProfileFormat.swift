/// Which columns of a profiles file hold the id and the address, and how the
/// others are typed.
public struct ProfileFormat: Sendable, Equatable {
    /// The recipient id column (`data.id` in a campaign file).
    public var idColumn: String
    /// The address column (`data.email` in a campaign file).
    public var emailColumn: String
    /// Types for columns that the name convention (``ColumnType/implied(byName:)``)
    /// would get wrong.
    public var columnTypes: [String: ColumnType]

    public init(idColumn: String = "recipient_id", emailColumn: String = "email", columnTypes: [String: ColumnType] = [:]) {
        self.idColumn = idColumn
        self.emailColumn = emailColumn
        self.columnTypes = columnTypes
    }

    /// The type of `column`: declared, else implied by its name; ids and
    /// addresses are always text.
    public func type(of column: String) -> ColumnType {
        if column == idColumn || column == emailColumn { return .string }
        return columnTypes[column] ?? ColumnType.implied(byName: column)
    }
}
