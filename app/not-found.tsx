import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p>That page does not exist. Try the <Link className="underline" href="/lessons">course outline</Link>.</p>
    </div>
  );
}
