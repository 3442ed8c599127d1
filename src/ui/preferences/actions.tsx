/** A row of buttons of identical size and style: neither layer may favour accepting (CNIL, délibération 2020-092 § 34). */
export function Actions({ buttons }: { buttons: [label: string, onClick: () => void][] }) {
  return (
    <div class="act">
      {buttons.map(([label, onClick]) => (
        <button type="button" class="btn" onClick={onClick}>
          {label}
        </button>
      ))}
    </div>
  );
}
