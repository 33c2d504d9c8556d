import { render } from 'preact';

function Options() {
  return (
    <main>
      <h1>Eurasia Lens options</h1>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
