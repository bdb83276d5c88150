/** Entry of /guidance/: registers the page's elements (index.html renders <asg-guidance-app>). */
import '../register/asg-staff-gate.js'
import './asg-guidance-app.js'
import './asg-guidance-note.js'
import './asg-trend.js'
